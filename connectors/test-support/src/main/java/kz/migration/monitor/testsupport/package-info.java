/**
 * Fixtures for the tests of every module that run the operator tools for real: finding and
 * installing them ({@link kz.migration.monitor.testsupport.ExternalTools}) and running Prometheus
 * and Alertmanager on loopback ports. Not used by the monitor itself.
 */
package kz.migration.monitor.testsupport;
