package se.iop.partner.view;

import java.io.Serializable;

/** A contact person as the user types them. */
public class ContactForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String role;
    private String email;
    private String phone;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
