package se.iop.landlord.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.report.entity.SmallCounts;

import java.util.List;

/**
 * The flats on their way to homes, for the start page: per landlord and in all, how many stand at each stage,
 * and the median days from the offer to the move-in of those moved into (still, or since on to their own lease
 * or ended). Counted by the database; small counts hidden here, so no page can show them.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR"})
public class FlatPipeline {

    // Days from a flat's first OFFERED step to its last MOVED_IN step, for flats that got there and stayed past it.
    private static final String SQL = """
            select l.id, coalesce(o.name, l.person_name),
                   count(*) filter (where f.stage = 'OFFERED'),
                   count(*) filter (where f.stage = 'MATCHED'),
                   count(*) filter (where f.stage = 'MOVED_IN'),
                   count(*) filter (where f.stage = 'LEASE_TAKEN_OVER'),
                   count(*) filter (where f.stage = 'WITHDRAWN'),
                   count(*) filter (where f.stage = 'ENDED'),
                   count(w.days),
                   round(cast(percentile_cont(0.5) within group (order by w.days) as numeric), 0)
              from offered_flat f
              join landlord l on l.id = f.landlord_id
              left join organisation o on o.id = l.organisation_id
              left join lateral (
                   select max(m.stage_on) - min(s.stage_on) as days
                     from flat_stage s, flat_stage m
                    where s.flat_id = f.id and s.to_stage = 'OFFERED'
                      and m.flat_id = f.id and m.to_stage = 'MOVED_IN'
                      and f.stage in ('MOVED_IN', 'LEASE_TAKEN_OVER', 'ENDED')
                   having max(m.stage_on) is not null) w on true
             group by grouping sets ((l.id, coalesce(o.name, l.person_name)), ())
             order by l.id is null, lower(coalesce(o.name, l.person_name)), l.id
            """;

    @PersistenceContext
    private EntityManager em;

    public List<PipelineRow> pipeline() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL).getResultList();
        return rows.stream().map(FlatPipeline::row).toList();
    }

    private static PipelineRow row(Object[] r) {
        int moved = count(r[8]);
        Integer median = r[9] == null || SmallCounts.hidden(moved) ? null : ((Number) r[9]).intValue();
        return new PipelineRow(r[0] == null ? null : ((Number) r[0]).longValue(), r[0] == null ? null : (String) r[1],
                shown(r[2]), shown(r[3]), shown(r[4]), shown(r[5]), shown(r[6]), shown(r[7]), median);
    }

    private static Integer shown(Object count) {
        return SmallCounts.orNull(count(count));
    }

    private static int count(Object o) {
        return ((Number) o).intValue();
    }
}
