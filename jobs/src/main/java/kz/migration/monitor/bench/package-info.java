/** The sections of the {@code bench} command's report, each measured beside its baseline. */
package kz.migration.monitor.bench;
