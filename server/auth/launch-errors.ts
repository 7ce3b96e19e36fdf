/**
 * @module One error class per reason a launch is refused. Tests assert on the class and `code`;
 * the HTTP layer maps every one of them to 401 with the same JSON shape.
 */
export type LaunchErrorCode = 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'wrong_app';

export abstract class LaunchError extends Error {
  abstract readonly code: LaunchErrorCode;
}
export class MissingLaunchError extends LaunchError {
  readonly code = 'missing';
}
export class MalformedLaunchError extends LaunchError {
  readonly code = 'malformed';
}
export class BadSignatureError extends LaunchError {
  readonly code = 'bad_signature';
}
export class ExpiredLaunchError extends LaunchError {
  readonly code = 'expired';
}
export class WrongAppError extends LaunchError {
  readonly code = 'wrong_app';
}
