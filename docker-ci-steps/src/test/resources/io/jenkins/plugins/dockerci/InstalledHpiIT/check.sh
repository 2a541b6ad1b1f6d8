# The test in the built (busybox) image: PostgreSQL answers an SSLRequest packet with 'N' (no TLS here), which
# proves the service container itself answers, by the host and port the step's templates resolved.
answer=$(printf '\0\0\0\10\4\322\26\57' | timeout 10 nc "$DB_HOST" "$DB_PORT" | head -c 1)
echo "tests: PostgreSQL at $DB_HOST:$DB_PORT answered the SSL request with '$answer'"
[ "$answer" = N ]
