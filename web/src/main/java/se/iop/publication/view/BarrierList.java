package se.iop.publication.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.publication.boundary.BarrierReports;
import se.iop.publication.boundary.BarrierReports.Received;

import java.util.List;

/** The administrators' list of reported accessibility barriers, newest first. */
@Named
@RequestScoped
public class BarrierList {

    @Inject
    private BarrierReports reports;

    private List<Received> rows;

    public List<Received> getRows() {
        if (rows == null) {
            rows = reports.newest(500);
        }
        return rows;
    }
}
