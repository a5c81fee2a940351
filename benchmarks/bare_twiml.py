"""The baseline for webhook_load: a bare Flask handler that only returns empty TwiML."""
from flask import Flask, Response

app = Flask(__name__)


@app.post("/webhooks/twilio/sms")
def sms():
    return Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', mimetype="text/xml")
