package se.iop.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under /api; its OpenAPI document is served by the server at /openapi (see {@link ApiDocument}). */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
