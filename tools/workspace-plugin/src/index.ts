/** The workspace's own Nx plugin: generators for enplan plugins (the `plugin` generator comes with issue 8). */
export const toolsVersion = '0.1.0';
