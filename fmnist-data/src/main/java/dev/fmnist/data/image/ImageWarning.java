package dev.fmnist.data.image;

import java.util.Locale;

/** Something about a picture that makes its prediction less trustworthy, and what to do about it. */
public enum ImageWarning {
    /** The object is smaller than the 28x28 input: it was enlarged, so details are guessed. */
    TINY_OBJECT("the object is smaller than 28 pixels and was enlarged; use a larger picture"),
    /** Nothing stands out of the background: the whole picture was used. */
    NO_OBJECT("no object stands out of the background; the whole picture was used"),
    /** More than one object of similar size: only the largest was kept. */
    SEVERAL_OBJECTS("several objects found; only the largest was used, crop the picture to one garment"),
    /** The object reaches the edge of the picture: it may be cut off. */
    TOUCHES_BORDER("the object touches the edge of the picture and may be cut off; leave a margin around it"),
    /** The object differs little from the background. */
    LOW_CONTRAST("low contrast between object and background; use a plainer background of a different brightness");

    private final String message;

    ImageWarning(String message) {
        this.message = message;
    }

    /** What happened and what the user can do, one line. */
    public String message() {
        return message;
    }

    /** The name in JSON and reports: {@code tiny_object}, {@code no_object}... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
