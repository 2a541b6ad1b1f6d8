package io.jenkins.plugins.dockerci.config;

/** A global setting was given a value it cannot take; the message says why and what to give instead. */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting's name, as the form field and the JCasC key spell it. */
    public String setting() {
        return setting;
    }
}
