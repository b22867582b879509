package se.iop.account.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import se.iop.web.Ui;

import java.util.Objects;

/** A new password typed twice: the two must agree before the service sees it. Never kept, never shown. */
final class Passwords {

    private Passwords() {
    }

    /** True when both are the same; otherwise says so on the repeat field of the form. */
    static boolean confirmed(Ui ui, String formId, String password, String repeat) {
        if (Objects.equals(password, repeat)) {
            return true;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                ui.fieldLabel("passwordRepeat") + ": " + ui.text("account.passwordMismatch"), null));
        UIComponent form = faces.getViewRoot().findComponent(formId);
        UIComponent input = form == null ? null : form.findComponent("passwordRepeat");
        if (input instanceof UIInput in) {
            in.setValid(false);
        }
        faces.validationFailed();
        return false;
    }

    static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
