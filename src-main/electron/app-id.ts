/** appId in electron-builder.yml (checked by packaging.test.ts): Windows ties notifications and shortcuts to it. */
export const APP_ID = 'dev.berth.app';
