/*
 * Budget charts: the server sends plain Chart.js JSON; this extender (named by p:chart's extender
 * attribute) adds what JSON cannot carry — amounts on axes and in tooltips written in kronor the way
 * the page's language writes them.
 */
function budgetChartExtender() {
    var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'sv-SE';
    var whole = new Intl.NumberFormat(lang, {style: 'currency', currency: 'SEK', maximumFractionDigits: 0});
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
        Object.keys(options.scales).forEach(function (axis) {
            var scale = options.scales[axis];
            scale.ticks = scale.ticks || {};
            scale.ticks.callback = function (value) {
                return whole.format(value);
            };
        });
    }
}
