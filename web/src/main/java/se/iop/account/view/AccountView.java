package se.iop.account.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import se.iop.account.boundary.Accounts;
import se.iop.account.boundary.ApiTokens;
import se.iop.account.boundary.TokenInfo;
import se.iop.account.entity.Account;
import se.iop.account.entity.ApiToken;
import se.iop.account.entity.Role;
import se.iop.account.entity.TokenScope;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.common.Days;
import se.iop.common.DomainException;
import se.iop.common.StaleVersion;
import se.iop.web.Ids;
import se.iop.web.HistoryValues;
import se.iop.web.Ui;
import se.iop.web.Viewer;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One account with its history and API tokens, for administrators and auditors. Administrators set a new
 * password, deactivate or reactivate the account, and issue and revoke its API tokens; an account is never
 * deleted, its history stays.
 */
@Named
@ViewScoped
public class AccountView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String PASSWORD_FORM = "passwordForm";
    static final String TOKEN_FORM = "tokenForm";

    @Inject
    private Viewer viewer;

    @Inject
    private HistoryValues historyValues;

    @Inject
    private Accounts accounts;

    @Inject
    private History history;

    @Inject
    private ApiTokens apiTokens;

    @Inject
    private Ui ui;

    @Inject
    @Param(name = "id")
    private String idParam;

    private Long id;
    private boolean found;
    private String password;
    private String passwordRepeat;

    private String tokenName;
    private TokenScope tokenScope = TokenScope.READ_ONLY;
    private LocalDate tokenExpiresOn;
    /** The secret of the token just issued, shown once in its dialog and forgotten when that closes. */
    private String issuedSecret;

    private transient Account account;
    private transient List<Change> changes;
    private transient List<TokenInfo> tokens;

    @PostConstruct
    void load() {
        id = Ids.parse(idParam);
        found = Ids.read(id, this::read);
    }

    private void read() {
        account = accounts.find(id);
        changes = null;
        tokens = null;
    }

    public List<TokenInfo> getTokens() {
        if (tokens == null && found) {
            tokens = apiTokens.ofAccount(id);
        }
        return tokens == null ? List.of() : tokens;
    }

    public void startToken() {
        tokenName = null;
        tokenScope = TokenScope.READ_ONLY;
        tokenExpiresOn = Days.today().plusDays(ApiToken.DEFAULT_DAYS);
        issuedSecret = null;
    }

    public void issueToken() {
        try {
            issuedSecret = apiTokens.issue(id, tokenName, tokenScope, tokenExpiresOn).secret();
            tokens = null;
        } catch (DomainException e) {
            ui.refused(e, TOKEN_FORM);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** The secret dialog closed: the secret is gone from the server too. */
    public void forgetSecret() {
        issuedSecret = null;
    }

    public void revokeToken(long tokenId) {
        try {
            apiTokens.revoke(tokenId);
            tokens = null;
            ui.message(FacesMessage.SEVERITY_INFO, "account.tokens.revoked");
        } catch (DomainException e) {
            ui.refused(e);
        }
    }

    public TokenScope[] getTokenScopes() {
        return TokenScope.values();
    }

    public LocalDate getTokenMaxDate() {
        return Days.today().plusDays(ApiToken.MAX_DAYS);
    }

    public LocalDate getToday() {
        return Days.today();
    }

    public Account getAccount() {
        if (account == null && found) {
            read();
        }
        return account;
    }

    public List<Change> getChanges() {
        if (changes == null && found) {
            changes = history.ofAccount(id);
        }
        return changes == null ? List.of() : changes;
    }

    public void startPassword() {
        password = null;
        passwordRepeat = null;
    }

    public void resetPassword() {
        String typed = password;
        String repeated = passwordRepeat;
        password = null;
        passwordRepeat = null;
        if (!Passwords.confirmed(ui, PASSWORD_FORM, typed, repeated)) {
            return;
        }
        attempt(() -> accounts.resetPassword(id, Passwords.chars(typed)), "account.passwordReset", PASSWORD_FORM);
    }

    public void deactivate() {
        long version = getAccount().version();
        attempt(() -> accounts.deactivate(id, version), "account.deactivated", null);
    }

    public void reactivate() {
        long version = getAccount().version();
        attempt(() -> accounts.reactivate(id, version), "account.reactivated", null);
    }

    private void attempt(Runnable change, String savedKey, String form) {
        try {
            change.run();
            read();
            ui.message(FacesMessage.SEVERITY_INFO, savedKey);
        } catch (StaleVersion e) {
            ui.message(FacesMessage.SEVERITY_ERROR, "account.stale");
            FacesContext.getCurrentInstance().validationFailed();
            read();
        } catch (DomainException e) {
            if (form == null) {
                ui.refused(e);
            } else {
                ui.refused(e, form);
            }
        }
    }

    /** The roles in the user's language, e.g. "Administratör, Ekonom". */
    public String roles(Account a) {
        return a.roles().stream().sorted().map(r -> ui.text("account.role." + r)).collect(Collectors.joining(", "));
    }

    public String text(String key, Object value) {
        return ui.text(key, value);
    }

    public String fieldLabel(String field) {
        return ui.fieldLabel(field);
    }

    /** A value in a history row: roles and yes/no in the user's language. */
    public String historyValue(String field, String value) {
        if ("roles".equals(field) && !HistoryValues.isBlank(value)) {
            String inner = value.replaceAll("^\\[|]$", "");
            return Arrays.stream(inner.split(",\\s*")).filter(s -> !s.isBlank())
                    .map(r -> isRole(r) ? ui.text("account.role." + r) : r).collect(Collectors.joining(", "));
        }
        return historyValues.show(field, value, Map.of());
    }

    private static boolean isRole(String name) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name));
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public TokenScope getTokenScope() {
        return tokenScope;
    }

    public void setTokenScope(TokenScope tokenScope) {
        this.tokenScope = tokenScope;
    }

    public LocalDate getTokenExpiresOn() {
        return tokenExpiresOn;
    }

    public void setTokenExpiresOn(LocalDate tokenExpiresOn) {
        this.tokenExpiresOn = tokenExpiresOn;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }

    public Long getId() {
        return id;
    }

    public boolean isFound() {
        return found;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeat() {
        return passwordRepeat;
    }

    public void setPasswordRepeat(String passwordRepeat) {
        this.passwordRepeat = passwordRepeat;
    }
}
