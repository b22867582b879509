package se.iop.landlord.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Starts the background mailing of a send only after its deliveries are committed, so the worker
 * (another thread, another transaction) finds them; a rolled-back request starts nothing.
 */
@ApplicationScoped
public class SendTrigger {

    @EJB
    private SendWorker worker;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) SendQueued event) {
        worker.mail(event.sendId());
    }
}
