package se.iop.landlord.view;

import se.iop.landlord.entity.SectionText;

import java.io.Serializable;

/** One section as the editor holds it while the user writes. */
public class SectionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String heading;
    private String body;
    private String headingEn;
    private String bodyEn;

    public static SectionForm of(SectionText t) {
        SectionForm f = new SectionForm();
        f.heading = t.heading();
        f.body = t.body();
        f.headingEn = t.headingEn();
        f.bodyEn = t.bodyEn();
        return f;
    }

    public SectionText text() {
        return new SectionText(heading, body, headingEn, bodyEn);
    }

    public String getHeading() {
        return heading;
    }

    public void setHeading(String heading) {
        this.heading = heading;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getHeadingEn() {
        return headingEn;
    }

    public void setHeadingEn(String headingEn) {
        this.headingEn = headingEn;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }
}
