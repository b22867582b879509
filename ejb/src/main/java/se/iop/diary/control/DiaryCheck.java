package se.iop.diary.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * At start-up: registration settings that could give two documents one number stop the application, with the
 * variable and what is wrong in the log, rather than letting it run and refuse every document later.
 */
@Singleton
@Startup
public class DiaryCheck {

    private static final Logger LOG = Logger.getLogger(DiaryCheck.class.getName());

    @PostConstruct
    void check() {
        try {
            DiaryFormat format = DiaryFormat.configured();
            LOG.info(() -> "Registration numbers: " + format.pattern() + ", e.g. " + format.number(format.defaultPrefix(),
                    2024, 123));
        } catch (DiaryMisconfigured e) {
            LOG.severe(() -> "The registration settings are refused: " + e.message(Locale.ENGLISH));
            throw new IllegalStateException(e.message(Locale.ENGLISH), e);
        }
    }
}
