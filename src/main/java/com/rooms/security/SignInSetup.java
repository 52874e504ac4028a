package com.rooms.security;

/**
 * How this server signs people in.
 *
 * @param devSignIn the demo sign-in, present in the dev configuration only
 * @param problem   why nobody can sign in (the server is then not ready), or null
 */
public record SignInSetup(TokenVerifier verifier, DevSignIn devSignIn, String problem) {
}
