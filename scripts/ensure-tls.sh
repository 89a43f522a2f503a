#!/usr/bin/env bash
# Makes sure the system's TLS files exist, with the JDK's keytool only (nothing downloaded): a certificate
# authority of this installation, a server key and certificate it signed, a truststore holding the authority's
# certificate, and the password of the two stores. Existing files are kept (a key.p12 is never overwritten): delete
# key.p12 for a new server certificate from the same authority, or the directory for new everything, then restart
# the servers. An existing key.p12 whose certificate lacks a name of SERVICEGRID_TLS_SAN is refused (exit 1), so
# that the servers never start with a certificate their callers would reject.
#   scripts/ensure-tls.sh
# Directory: SERVICEGRID_TLS_DIR, by default the Liberty install's usr/shared/resources/servicegrid-tls, where the
# servers' configuration (${servicegrid.tls.dir}) looks. Files:
#   ca.p12         the authority's key pair (owner-only; needed only to sign further certificates)
#   ca.pem         the authority's certificate: what clients trust (curl --cacert ca.pem)
#   key.p12        the servers' key and certificate chain (owner-only), subject alternative names
#                  ip:127.0.0.1,dns:localhost plus SERVICEGRID_TLS_SAN (e.g. "dns:reg1.example,ip:10.0.0.5")
#   trust.p12      the truststore: ca.pem's certificate, what the servers trust when they call each other
#   password.xml   a Liberty configuration snippet with the stores' password (servicegrid.tls.password; owner-only),
#                  random, made once; the servers include it
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${SERVICEGRID_TLS_DIR:-$ROOT/target/liberty/wlp/usr/shared/resources/servicegrid-tls}"
SAN="ip:127.0.0.1,dns:localhost${SERVICEGRID_TLS_SAN:+,$SERVICEGRID_TLS_SAN}"
VALIDITY_DAYS=825

missing=()
for file in ca.pem key.p12 trust.p12 password.xml; do
  [[ -s "$DIR/$file" ]] || missing+=("$file")
done

# The password of password.xml, when it exists.
stored_password() {
  sed -n 's/.*name="servicegrid.tls.password" value="\([^"]*\)".*/\1/p' "$DIR/password.xml"
}

# Each entry of SERVICEGRID_TLS_SAN (ip:... or dns:...) that no certificate of key.p12 names, one a line.
names_missing_from_key() {
  local listing entry entries
  listing=$(STOREPASS=$(stored_password) "${JAVA_HOME:+$JAVA_HOME/bin/}keytool" -list -v -keystore "$DIR/key.p12" \
    -storepass:env STOREPASS 2>/dev/null | sed 's/^[[:space:]]*//') ||
    { echo "(key.p12 unreadable with password.xml's password)"; return; }
  IFS=, read -r -a entries <<<"${SERVICEGRID_TLS_SAN:-}"
  for entry in "${entries[@]}"; do
    case ${entry,,} in
      ip:*) grep -qxF "IPAddress: ${entry#*:}" <<<"$listing" || echo "$entry" ;;
      dns:*) grep -qixF "DNSName: ${entry#*:}" <<<"$listing" || echo "$entry" ;;
    esac
  done
}

if ((${#missing[@]} == 0)); then
  [[ -n "${SERVICEGRID_TLS_SAN:-}" ]] || exit 0
  absent=$(names_missing_from_key | paste -sd, -)
  if [[ -n "$absent" ]]; then
    echo "$DIR/key.p12's certificate does not name $absent (SERVICEGRID_TLS_SAN): delete key.p12 for a new one" \
      "from the same authority, or put an operator's certificate naming them there" >&2
    exit 1
  fi
  exit 0
fi
# A keystore is never overwritten: it may be an operator's own.
if [[ -s "$DIR/key.p12" ]]; then
  echo "$DIR has key.p12 but not ${missing[*]}: add them (see docs/security.md, TLS), or delete key.p12" >&2
  exit 1
fi

KEYTOOL="${JAVA_HOME:+$JAVA_HOME/bin/}keytool"
mkdir -p "$DIR"
umask 077
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The password: the existing one, or a new random one (hex digits, so that it needs no escaping in XML).
if [[ -s "$DIR/password.xml" ]]; then
  PASSWORD=$(stored_password)
else
  PASSWORD=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
fi
[[ -n "$PASSWORD" ]] || { echo "no servicegrid.tls.password in $DIR/password.xml" >&2; exit 1; }
export STOREPASS=$PASSWORD

# The authority: kept when it exists, so that certificates it signed earlier stay trusted.
if [[ ! -s "$DIR/ca.p12" ]]; then
  "$KEYTOOL" -genkeypair -keystore "$DIR/ca.p12" -storetype PKCS12 -storepass:env STOREPASS -alias ca \
    -keyalg RSA -keysize 2048 -validity $((VALIDITY_DAYS * 2)) -dname "CN=servicegrid CA" \
    -ext bc:c -ext ku:c=keyCertSign,cRLSign >/dev/null 2>&1
fi
"$KEYTOOL" -exportcert -rfc -keystore "$DIR/ca.p12" -storepass:env STOREPASS -alias ca -file "$WORK/ca.pem" 2>/dev/null

# The servers' key, signed by the authority, stored with its chain.
"$KEYTOOL" -genkeypair -keystore "$WORK/key.p12" -storetype PKCS12 -storepass:env STOREPASS -alias default \
  -keyalg RSA -keysize 2048 -validity "$VALIDITY_DAYS" -dname "CN=servicegrid" >/dev/null 2>&1
"$KEYTOOL" -certreq -keystore "$WORK/key.p12" -storepass:env STOREPASS -alias default -file "$WORK/server.csr"
"$KEYTOOL" -gencert -keystore "$DIR/ca.p12" -storepass:env STOREPASS -alias ca -infile "$WORK/server.csr" \
  -outfile "$WORK/server.pem" -rfc -validity "$VALIDITY_DAYS" -ext "san=$SAN" -ext ku:c=digitalSignature,keyEncipherment \
  -ext eku=serverAuth,clientAuth
"$KEYTOOL" -importcert -noprompt -keystore "$WORK/key.p12" -storepass:env STOREPASS -alias ca -file "$WORK/ca.pem" >/dev/null 2>&1
"$KEYTOOL" -importcert -noprompt -keystore "$WORK/key.p12" -storepass:env STOREPASS -alias default -file "$WORK/server.pem" >/dev/null 2>&1
"$KEYTOOL" -delete -keystore "$WORK/key.p12" -storepass:env STOREPASS -alias ca

rm -f "$WORK/trust.p12"
"$KEYTOOL" -importcert -noprompt -keystore "$WORK/trust.p12" -storetype PKCS12 -storepass:env STOREPASS -alias ca \
  -file "$WORK/ca.pem" >/dev/null 2>&1

cat >"$WORK/password.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!-- Made by scripts/ensure-tls.sh: the password of key.p12 and trust.p12 next to this file. -->
<server>
  <variable name="servicegrid.tls.password" value="$PASSWORD"/>
</server>
XML
mv "$WORK/key.p12" "$WORK/trust.p12" "$WORK/password.xml" "$DIR/"
cp "$WORK/ca.pem" "$DIR/ca.pem"
chmod 644 "$DIR/ca.pem" "$DIR/trust.p12"
echo "TLS files in $DIR: key.p12 (subject alternative names $SAN), trust.p12, ca.pem, password.xml"
