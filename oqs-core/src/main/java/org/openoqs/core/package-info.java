/**
 * oqs-core: the framework-free domain and codec of openoqs. What a vendor's software or tests may build on — numbers,
 * code tables, messages, the codec and XML tree, the error vocabulary and validation, the personas and the synthetic
 * population — is listed in docs/core-api.md; everything else carries {@link org.openoqs.core.Internal}.
 */
package org.openoqs.core;
