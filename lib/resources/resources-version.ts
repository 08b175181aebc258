import { versionedChange } from '@/lib/db/versioned-change';

/**
 * A settings row whose value changes whenever the scope registry or an API resource
 * changes. The provider keeps the registry in memory (resource-registry.ts) and polls this
 * one row, so a change made by another instance or the CLI reaches every server within a
 * second, and no token request queries the resources tables.
 */
export const RESOURCES_VERSION_KEY = 'resources.version';

const resources = versionedChange(RESOURCES_VERSION_KEY);

/** Calls `listener` after every registry change this process commits; returns the unsubscribe. */
export const onResourcesChanged = resources.onChanged;

/** The one way to change API resources or registry scopes (see changeClients). */
export const changeResources = resources.change;

export const markResourcesChanged = resources.mark;
export const readResourcesVersion = resources.read;
