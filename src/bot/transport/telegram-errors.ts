import { GrammyError } from 'grammy';

/** 400 "message is not modified": the edit had nothing to change, which is success. */
export const isNotModified = (err: unknown) =>
  err instanceof GrammyError &&
  err.error_code === 400 &&
  /message is not modified/i.test(err.description);

/** 403: the user blocked the bot (or deleted their account); never worth a retry. */
export const isUnreachable = (err: unknown) =>
  err instanceof GrammyError &&
  err.error_code === 403 &&
  /blocked|deactivated|kicked|not a member|chat not found/i.test(err.description);

export const isMessageGone = (err: unknown) =>
  err instanceof GrammyError &&
  err.error_code === 400 &&
  /message to (edit|delete) not found|message can't be (edited|deleted)/i.test(err.description);

/** The photo itself was refused (too big, wrong dimensions): send it as a document instead. */
export const isPhotoRejected = (err: unknown) =>
  err instanceof GrammyError &&
  (err.error_code === 413 ||
    (err.error_code === 400 &&
      /PHOTO_|IMAGE_PROCESS_FAILED|too big|dimensions/i.test(err.description)));

export const isTooLarge = (err: unknown) =>
  err instanceof GrammyError &&
  (err.error_code === 413 ||
    (err.error_code === 400 && /too big|too large|entity too large/i.test(err.description)));

/** 400 "query is too old…": the user moved on (or 10 s passed); nobody is waiting any more. */
export const isQueryExpired = (err: unknown) =>
  err instanceof GrammyError &&
  err.error_code === 400 &&
  /query is too old|query id is invalid|QUERY_ID_INVALID/i.test(err.description);
