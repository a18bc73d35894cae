/** Injection token for the ServiceIdentity of the running service. */
export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');
