package dev.cruddur.admin.time;

/** One way of writing an instant: what writes it ({@code label}) and the text. */
public record RenderedForm(String label, String value) {
}
