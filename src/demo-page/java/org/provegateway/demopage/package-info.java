/**
 * The reference web page's back end ({@code prove-demo.war}, demo profile and browser tests only): what a bank's own
 * web server does between its page and the gateway. It holds the gateway credentials (the page never sees them),
 * decides what is sent to the gateway, and answers the gateway's JSON unchanged so that the page shows the real API.
 * Nothing here is part of the gateway; see docs/demo-page.md.
 */
package org.provegateway.demopage;
