#!/bin/sh
# CGI script of the sample app: counts visits in Redis, reached by its alias "cache".
count=$(printf 'INCR visits\r\n' | nc cache 6379 | tr -d ':\r\n')
printf 'Content-Type: text/plain\r\n\r\n'
printf 'visits=%s\n' "$count"
