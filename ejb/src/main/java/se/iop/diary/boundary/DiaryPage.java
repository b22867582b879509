package se.iop.diary.boundary;

import java.util.List;

/** One page of a diary search, with the number of entries found in all. */
public record DiaryPage<T>(List<T> entries, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
