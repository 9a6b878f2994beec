package io.sabot.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that keeps every line, for asserting what was logged. */
final class RecordingLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    /** One logged line. */
    record Line(Level level, String message) {
    }

    private final transient List<Line> lines = new CopyOnWriteArrayList<>();

    RecordingLogger() {
        this.name = "recording";
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    long count(Level level) {
        return lines.stream().filter(l -> l.level() == level).count();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                               Throwable throwable) {
        lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, args)));
    }

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }
}
