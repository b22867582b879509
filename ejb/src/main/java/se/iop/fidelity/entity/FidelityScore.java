package se.iop.fidelity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/** One item's score and comment in a self-assessment; the score may be empty while it is a draft. */
@Entity
@Table(name = "fidelity_score")
@Audited
public class FidelityScore {

    public static final int COMMENT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "assessment_id")
    private FidelityAssessment assessment;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    private Integer score;

    @Column(length = COMMENT_MAX)
    private String comment;

    protected FidelityScore() {
    }

    FidelityScore(FidelityAssessment assessment, long itemId, Integer score, String comment) {
        this.assessment = assessment;
        this.itemId = itemId;
        this.score = score;
        this.comment = comment;
    }

    void change(Integer newScore, String newComment) {
        this.score = newScore;
        this.comment = newComment;
    }

    public long itemId() {
        return itemId;
    }

    public Integer score() {
        return score;
    }

    public String comment() {
        return comment;
    }
}
