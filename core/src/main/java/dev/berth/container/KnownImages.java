package dev.berth.container;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.PullPolicy;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The images earlier starts on one engine found present, so that a later start of the same image under the
 * same pull policy creates its container at once instead of asking the engine for the image first. Only a
 * resolution that does not depend on what else the engine holds is kept: the image the spec names, or the
 * target of an exact substitution rule (not a mirror's or a prefix's fallback). A create that finds the image
 * gone (someone removed it) {@link #forget forgets} it, and the start resolves it again as the first did.
 * {@link PullPolicy#ALWAYS} is never kept. It also keeps which images a create found missing when the start
 * presumed them present ({@link #missed}): those resolve first from then on (a mirror's or a prefix's image
 * would otherwise cost a failed create on every start). Thread-safe; one per launcher, so per engine connection.
 */
final class KnownImages {
    private final ConcurrentMap<String, String> present = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    /**
     * @param named the image the spec names
     * @param policy its pull policy
     * @return the reference an earlier start ran for it, when one is kept
     */
    Optional<String> lookUp(String named, PullPolicy policy) {
        return Optional.ofNullable(present.get(key(named, policy)));
    }

    /**
     * Keeps what a start resolved, when it is safe to reuse.
     *
     * @param named the image the spec names
     * @param policy its pull policy
     * @param resolved the reference the start ran
     * @param deterministic whether {@code resolved} depends only on the spec and the substitution rules
     */
    void remember(String named, PullPolicy policy, String resolved, boolean deterministic) {
        if (policy != PullPolicy.ALWAYS && deterministic) {
            present.put(key(named, policy), resolved);
        }
    }

    /**
     * @param named the image the spec names
     * @param policy its pull policy
     */
    void forget(String named, PullPolicy policy) {
        present.remove(key(named, policy));
    }

    /**
     * Records that a create from the image a start presumed present answered "no such image".
     *
     * @param named the image the spec names
     * @param policy its pull policy
     */
    void missedOnce(String named, PullPolicy policy) {
        missing.add(key(named, policy));
    }

    /**
     * @param named the image the spec names
     * @param policy its pull policy
     * @return whether a start presumed it present and its create found it missing
     */
    boolean missed(String named, PullPolicy policy) {
        return missing.contains(key(named, policy));
    }

    /**
     * @param createFailure what a container create threw
     * @return whether the engine answered that the image does not exist
     */
    static boolean imageMissing(RuntimeException createFailure) {
        return createFailure instanceof NotFoundException
                && String.valueOf(createFailure.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("no such image");
    }

    private static String key(String named, PullPolicy policy) {
        return policy + " " + named;
    }
}
