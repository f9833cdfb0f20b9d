/**
 * Largest incoming `/live` frame, in bytes: a client only sends `{"op":"subscribe","indexes":[...]}`. A bigger
 * frame closes the connection with code 1009 (message too big) before it is buffered (ws `maxPayload`).
 */
export const LIVE_MAX_FRAME_BYTES = 4096;
