/**
 * What happened in a study, as the bulk rows the store reads for analysis (runs, patches, thinned metric series): plain
 * values that the model's analytics and the pages share without reaching into the store.
 */
package dev.groundwork.model.history;
