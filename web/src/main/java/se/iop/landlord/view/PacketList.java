package se.iop.landlord.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.landlord.boundary.PacketSummary;
import se.iop.landlord.boundary.Packets;

import java.io.Serializable;
import java.util.List;

/** The information packets, each with its newest version. */
@Named
@ViewScoped
public class PacketList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Packets packets;

    private transient List<PacketSummary> rows;

    public List<PacketSummary> getRows() {
        if (rows == null) {
            rows = packets.list();
        }
        return rows;
    }
}
