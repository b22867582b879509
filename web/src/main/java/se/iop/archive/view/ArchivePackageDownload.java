package se.iop.archive.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import se.iop.agreement.view.AgreementView;
import se.iop.archive.boundary.ArchivePackage;
import se.iop.archive.boundary.ArchivePackages;
import se.iop.common.DomainException;
import se.iop.web.Ui;

import java.io.ByteArrayInputStream;

/** The button on an ended agreement's page that hands the administrator its archive package. */
@Named
@RequestScoped
public class ArchivePackageDownload {

    @Inject
    private AgreementView view;

    @Inject
    private ArchivePackages packages;

    @Inject
    private Ui ui;

    public StreamedContent zip() {
        try {
            ArchivePackage p = packages.produce(view.getId());
            byte[] bytes = p.zip();
            return DefaultStreamedContent.builder().name(p.fileName()).contentType("application/zip")
                    .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
        } catch (DomainException e) {
            ui.refused(e);
            return null;
        }
    }
}
