package se.iop.landlord.boundary;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SendWorkerTest {

    @Test
    void aSmallSendIsOneSliceALargeOneIsSharedRoundRobin() {
        assertEquals(List.of(), SendWorker.slices(List.of()));
        assertEquals(List.of(List.of(1L, 2L, 3L)), SendWorker.slices(List.of(1L, 2L, 3L)));
        List<Long> ids = LongStream.rangeClosed(1, 500).boxed().toList();
        List<List<Long>> slices = SendWorker.slices(ids);
        assertEquals(SendWorker.PARALLEL, slices.size());
        assertEquals(List.of(1L, 4L, 7L), slices.get(0).subList(0, 3));
        assertEquals(List.of(2L, 5L), slices.get(1).subList(0, 2));
        assertEquals(500, slices.stream().mapToInt(List::size).sum());
        assertEquals(167, slices.get(0).size());
        assertEquals(166, slices.get(2).size());
    }
}
