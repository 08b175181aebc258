/**
 * The integration guide's device flow example (RFC 8628): a shell script for a CLI, run as
 * written by e2e/browser/device-flow.spec.ts while a browser enters the code.
 */
export const DEVICE_FLOW_EXAMPLE = {
  file: 'device-sign-in.sh',
  source: `#!/usr/bin/env bash
# Sign in from a terminal with the device authorization grant (RFC 8628).
# Needs curl and jq. THALAMUS_URL, and CLIENT_ID: a native public client with the
# Device Code grant. Messages go to stderr; the tokens, as JSON, to stdout.
set -euo pipefail
auth=$(curl -sf "$THALAMUS_URL/oauth/device/auth" \\
  -d client_id="$CLIENT_ID" -d scope="\${SCOPE:-openid profile offline_access}")
device_code=$(jq -r .device_code <<<"$auth")
interval=$(jq -r '.interval // 5' <<<"$auth")
echo "To sign in, open $(jq -r .verification_uri <<<"$auth") and enter the code $(jq -r .user_code <<<"$auth")" >&2

while true; do
  sleep "$interval"
  tokens=$(curl -s "$THALAMUS_URL/oauth/token" \\
    -d grant_type=urn:ietf:params:oauth:grant-type:device_code \\
    -d device_code="$device_code" -d client_id="$CLIENT_ID")
  case $(jq -r '.error // "none"' <<<"$tokens") in
    none) echo "Signed in." >&2; echo "$tokens"; exit 0 ;;
    authorization_pending) ;;                      # the user has not finished yet
    slow_down) interval=$((interval + 5)) ;;       # RFC 8628 §3.5: poll 5 s slower from now on
    *) echo "Sign-in failed: $(jq -r '.error_description // .error' <<<"$tokens")" >&2; exit 1 ;;
  esac
done
`,
};
