package se.iop.diary.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.common.DomainException;
import se.iop.diary.boundary.DiaryPage;
import se.iop.diary.boundary.DiaryQuery;
import se.iop.diary.boundary.PublicEntry;
import se.iop.diary.boundary.Registrations;
import se.iop.web.LocaleSwitch;
import se.iop.web.Ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public diary page (no login, no session): the search comes as GET parameters, and the page is read once
 * per request. A refused parameter is said on the page, naming the field, and nothing is searched.
 */
@Named
@RequestScoped
public class PublicDiaryView {

    private static final List<String> PARAMETERS = List.of("number", "from", "to", "counterpart", "text");

    @Inject
    private Registrations registrations;

    @Inject
    private LocaleSwitch localeSwitch;

    @Inject
    private Ui ui;

    private Map<String, String> params;
    private DiaryPage<PublicEntry> result;
    private DomainException refused;

    private Map<String, String> params() {
        if (params == null) {
            Map<String, String> request = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
            params = new LinkedHashMap<>();
            for (String name : PARAMETERS) {
                String value = request.get(name);
                params.put(name, value == null ? "" : value);
            }
            params.put("page", request.getOrDefault("page", ""));
            params.put("lang", request.getOrDefault("lang", ""));
        }
        return params;
    }

    /** The search's values as typed, to show them again in the form. */
    public Map<String, String> getParam() {
        return params();
    }

    /** The page's language: {@code ?lang=en} or {@code ?lang=sv} for this request, else the visitor's cookie. */
    public Locale getLocale() {
        String lang = params().get("lang");
        return "en".equals(lang) ? Locale.ENGLISH : "sv".equals(lang) ? Locale.forLanguageTag("sv")
                : localeSwitch.getLocale();
    }

    public DiaryPage<PublicEntry> getResult() {
        if (result == null && refused == null) {
            Map<String, String> p = params();
            try {
                result = registrations.publicSearch(DiaryQuery.parse(p.get("number"), p.get("from"), p.get("to"),
                        p.get("counterpart"), p.get("text"), pageIndex(p.get("page")), "20"));
            } catch (DomainException e) {
                refused = e;
            }
        }
        return result;
    }

    /** Pages are counted from 1 on the page and in its links, from 0 in the service. */
    private static String pageIndex(String shown) {
        if (shown == null || shown.isBlank()) {
            return null;
        }
        try {
            return Integer.toString(Integer.parseInt(shown.strip()) - 1);
        } catch (NumberFormatException e) {
            return shown;
        }
    }

    /** The field a refused search names (for the message's link to it), or null. */
    public String getRefusedField() {
        getResult();
        return refused == null ? null : refused.field();
    }

    public String getRefusedMessage() {
        getResult();
        return refused == null ? null : refused.message(getLocale());
    }

    public String getFoundText() {
        return ui.text("diary.public.found", getResult().total());
    }

    public String getPageText() {
        return ui.text("diary.public.pageOf", getResult().page() + 1, getResult().pages());
    }

    /** The link to the previous (-1) or next (+1) page, or null where there is none. */
    public String step(int by) {
        int target = getResult().page() + by;
        return target < 0 || target >= getResult().pages() ? null : "diary.xhtml?" + link(target + 1, "");
    }

    public String secretText(PublicEntry e) {
        return ui.text("diary.public.secret", e.secrecyReference());
    }

    public String requestText(PublicEntry e) {
        return ui.text("diary.public.requestEntry", e.number(), e.requestFrom());
    }

    public String getRequestContact() {
        return Registrations.requestContact();
    }

    /** The query string of this search on another page (1-based; 0 keeps it), or in another language (blank keeps it). */
    public String link(int page, String lang) {
        Map<String, String> p = new LinkedHashMap<>(params());
        if (page > 0) {
            p.put("page", Integer.toString(page));
        }
        if (lang != null && !lang.isBlank()) {
            p.put("lang", lang);
        }
        return p.entrySet().stream().filter(e -> !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The same search as CSV or JSON from the public API. */
    public String apiQuery() {
        return PARAMETERS.stream().filter(n -> !params().get(n).isBlank())
                .map(n -> n + "=" + URLEncoder.encode(params().get(n), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
