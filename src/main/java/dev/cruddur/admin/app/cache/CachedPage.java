package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.domain.Page;
import java.time.Duration;

/** A page as the cache-aside read answered it: the page, where it came from, and how long the whole read took. */
public record CachedPage<T>(Page<T> page, Source source, Duration took) {}
