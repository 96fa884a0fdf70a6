package io.meterflow.rating.collect;

import java.util.List;

/** Which scopes (projects) there are to rate, CloudKitty's fetcher. */
public interface ScopeFetcher {

    /** @throws CollectException when the source of scopes cannot be read */
    List<String> scopes();

    /** The name stored in a scope's state ({@code gnocchi}, {@code source}), as CloudKitty records its fetcher. */
    String name();
}
