/**
 * What every component uses and that knows no component: problem details and exception mappers, security roles,
 * strict JSON reading, phone numbers, the clock, schema migration, health of the database.
 */
package org.provegateway.platform;
