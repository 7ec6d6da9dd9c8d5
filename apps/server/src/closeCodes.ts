/**
 * The WebSocket close codes the collaboration server sends, by name. They are part of the wire contract
 * the web app reads too, so they live in `@samplan/api-contract`; this module keeps the core's imports.
 */
export { type CloseCode, closeCodes } from '@samplan/api-contract';
