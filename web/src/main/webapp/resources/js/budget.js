/*
 * Budget charts: the server sends plain Chart.js JSON; this extender (named by p:chart's extender
 * attribute) adds what JSON cannot carry — amounts on axes and in tooltips written in kronor the way
 * the page's language writes them.
 */
function budgetChartExtender() {
    var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'sv-SE';
    var axis = new Intl.NumberFormat(lang, {style: 'currency', currency: 'SEK', notation: 'compact', maximumFractionDigits: 1});
    var exact = new Intl.NumberFormat(lang, {style: 'currency', currency: 'SEK', minimumFractionDigits: 2});
    var config = this.cfg.config;
    var options = config.options = config.options || {};
    options.plugins = options.plugins || {};
    options.plugins.tooltip = {
        callbacks: {
            label: function (item) {
                var value = item.raw;
                var name = item.dataset.label || '';
                if (config.type === 'doughnut') {
                    name = item.label || name;
                }
                return name + ': ' + (value === null || value === undefined ? '–' : exact.format(value));
            }
        }
    };
    if (options.scales) {
        // Only the axis of amounts; the other one names months or budget lines.
        var valueAxis = options.indexAxis === 'y' ? 'x' : 'y';
        var scale = options.scales[valueAxis] = options.scales[valueAxis] || {};
        scale.ticks = scale.ticks || {};
        scale.ticks.maxTicksLimit = 6;
        scale.ticks.callback = function (value) {
            return axis.format(value);
        };
    }
}
