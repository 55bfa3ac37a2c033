/** Backend selection and argument checks. <strong>Not API</strong>: not exported from the module. */
package io.prockit.internal;
