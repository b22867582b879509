package se.iop.agreement.boundary;

import se.iop.agreement.entity.AgreementText;

import java.time.LocalDate;

/** The editable head of an agreement: reference, title, its prose and its period. */
public record AgreementDraft(String reference, String title, AgreementText text,
                            LocalDate startDate, LocalDate endDate, Integer noticeMonths) {
}
