#!/bin/sh
echo resource ran
