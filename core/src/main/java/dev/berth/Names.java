package dev.berth;

import java.util.regex.Pattern;

/**
 * The grammars of the names a spec carries, each written once: the user a process runs as and a host name.
 * Every value that takes one checks it here, so the rule and its message cannot drift apart.
 */
final class Names {
    /** {@code user}, {@code uid}, {@code user:group} or {@code uid:gid}, as {@code docker run --user} takes it. */
    private static final Pattern USER = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9_.-]*(:[a-zA-Z0-9_][a-zA-Z0-9_.-]*)?");
    /** One DNS label: 1 to 63 letters, digits or '-', not starting or ending with '-'. */
    static final String HOST_LABEL = "[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile(HOST_LABEL);

    private Names() {
    }

    /**
     * @param option the option's name, for the error
     * @param user the user to check
     * @param example an example for the error
     * @return the user
     * @throws InvalidSpecException unless it is a user, uid, user:group or uid:gid
     */
    static String user(String option, String user, String example) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new InvalidSpecException(option, String.valueOf(user), "user, uid, user:group or uid:gid", example);
        }
        return user;
    }

    /**
     * @param hostname the host name to check
     * @return the host name
     * @throws InvalidSpecException unless it is one DNS label
     */
    static String hostname(String hostname) {
        if (hostname == null || !HOST_NAME.matcher(hostname).matches()) {
            throw new InvalidSpecException("hostname", String.valueOf(hostname),
                    "1 to 63 letters, digits or '-', not starting or ending with '-'", "\"db-primary\"");
        }
        return hostname;
    }
}
