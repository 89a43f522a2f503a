package org.servicegrid.client.internal;

import java.time.Duration;

/** How an instance of a required service is picked, and how long one that failed is passed over. */
record SelectionSettings(SelectionPolicy policy, Duration failureCooldown) {}
