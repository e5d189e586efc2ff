package kz.migration.monitor.privacy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything logged in this JVM at INFO and above while it is open, written to a file, as a
 * production log at INFO would hold it. Loggers the test configuration quietens are opened to INFO
 * for the file; the console keeps showing only what it showed before.
 */
final class CapturedLog implements AutoCloseable {

    private final LoggerContext context;
    private final FileAppender appender;
    private final Map<LoggerConfig, Level> levels = new HashMap<>();
    private final Map<String, Appender> rootAppenders;
    private final Level rootLevel;

    CapturedLog(Path file) {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        appender =
                FileAppender.newBuilder()
                        .setName("privacy-scan-" + System.nanoTime())
                        .withFileName(file.toString())
                        .setLayout(
                                PatternLayout.newBuilder()
                                        .withPattern("%d %-5level [%t] %c - %msg%n%throwable")
                                        .withConfiguration(config)
                                        .build())
                        .setConfiguration(config)
                        .build();
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        rootLevel = root.getLevel();
        rootAppenders = Map.copyOf(root.getAppenders());
        // The console keeps its level: it gets what it got before, the file gets INFO.
        for (Appender a : rootAppenders.values()) {
            root.removeAppender(a.getName());
            root.addAppender(a, rootLevel, null);
        }
        root.addAppender(appender, Level.INFO, null);
        for (LoggerConfig logger : List.copyOf(config.getLoggers().values())) {
            levels.put(logger, logger.getLevel());
            if (logger.getLevel().isMoreSpecificThan(Level.INFO)) {
                logger.setLevel(Level.INFO);
            }
        }
        context.updateLoggers();
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(appender.getName());
        for (Appender a : rootAppenders.values()) {
            root.removeAppender(a.getName());
            root.addAppender(a, null, null);
        }
        levels.forEach(LoggerConfig::setLevel);
        root.setLevel(rootLevel);
        context.updateLoggers();
        appender.stop();
    }
}
