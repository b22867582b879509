package se.iop.account.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import se.iop.account.boundary.Accounts;

import java.util.EnumSet;
import java.util.Set;

/** Checks a user name and password against the accounts in the database and gives the user's roles. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private Accounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.authenticate(up.getCaller(), up.getPassword().getValue())
                .map(roles -> new CredentialValidationResult(up.getCaller().strip().toLowerCase(), roles))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    // Validates and provides the groups (roles) in one go: a VALIDATE-only store's groups are ignored.
    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
