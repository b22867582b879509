package se.iop.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

import java.io.IOException;

/**
 * PrimeFaces' messages (p:messages) without {@code role="alert"} on each list item: a list item may not take that
 * role, and a list whose items have it is no list to assistive technology (axe: aria-allowed-role, list). The
 * messages' container is still a polite live region, so a new message is read out. Registered in faces-config.xml
 * for every p:messages.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(ResponseWriter writer, Messages messages, FacesMessage message, String severity,
                                 boolean escape) throws IOException {
        super.encodeMessage(new ResponseWriterWrapper(writer) {
            private boolean item;

            @Override
            public void startElement(String name, UIComponent component) throws IOException {
                item = "li".equals(name);
                super.startElement(name, component);
            }

            @Override
            public void writeAttribute(String name, Object value, String property) throws IOException {
                if (item && "role".equals(name)) {
                    return;
                }
                super.writeAttribute(name, value, property);
            }
        }, messages, message, severity, escape);
    }
}
