package dev.cruddur.admin.time;

/**
 * One way of writing an instant: what writes it ({@code label}), the text, and a one-line {@code note}
 * where the value would surprise a reader (empty otherwise).
 */
public record RenderedForm(String label, String value, String note) {
    public RenderedForm {
        note = note == null ? "" : note;
    }

    public RenderedForm(String label, String value) {
        this(label, value, "");
    }
}
