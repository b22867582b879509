package se.iop.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JSON API under /api; its OpenAPI document is served by the server at /openapi. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "IOP – Bostad först", version = "1",
        description = "Organisations, agreements (IOP), parties, committee decisions and amendments. "
                + "HTTP Basic with the same accounts as the web UI; errors are RFC 9457 problem details."))
public class RestApplication extends Application {
}
