package com.rooms.security;

import java.text.Normalizer;
import java.util.Collection;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;

/**
 * The rule for display names a client chooses ({@code profile}): a name is
 * kept in NFKC form; it may contain no invisible character (a default
 * ignorable code point such as U+200B, or a format character such as the
 * bidi controls U+202A–U+202E and U+2066–U+2069); and it may not look like
 * the name of another user of the room: two names look alike when their
 * Unicode TR39 skeletons, taken of their case folds, are equal ({@code Аlice}
 * with a Cyrillic А, {@code ALICE} and {@code alice} all look like
 * {@code Alice}).
 */
public final class DisplayNames {
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private DisplayNames() {
    }

    /** A name that breaks the rule; the message says why, for the client. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The name in NFKC form, without surrounding spaces; refused when it holds an invisible character. */
    public static String normalise(String name) {
        String normal = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                    || Character.getType(cp) == Character.FORMAT) {
                throw new Refused(String.format("the name contains an invisible character (U+%04X)", cp));
            }
            i += Character.charCount(cp);
        }
        if (normal.isEmpty()) {
            throw new Refused("the name is blank");
        }
        return normal;
    }

    /** What a name looks like: equal skeletons, names a reader cannot tell apart. */
    public static String skeleton(String name) {
        return SPOOF.getSkeleton(UCharacter.foldCase(Normalizer.normalize(name, Normalizer.Form.NFKC).strip(), true));
    }

    /** Whether {@code name} looks like any of {@code others}. */
    public static boolean looksLikeAny(String name, Collection<String> others) {
        String wanted = skeleton(name);
        for (String other : others) {
            if (other != null && skeleton(other).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
